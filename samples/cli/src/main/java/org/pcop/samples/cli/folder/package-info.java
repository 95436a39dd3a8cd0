/**
 * A data folder: the community's event log in an embedded H2 database, kept by the JDBC event
 * store, next to the frame of the community (program, communities, taxonomies) as a community
 * document, and the state rebuilt from them by replaying the log.
 */
@PcopStyle
package org.pcop.samples.cli.folder;

import org.pcop.model.PcopStyle;
