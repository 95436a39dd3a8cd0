/**
 * JSON Schema files (draft 2020-12) of pcop's JSON formats, shipped inside this module so that
 * producers in other languages can check their files: the community document, one line of the
 * event log, and the rule set.
 */
package org.pcop.io.schema;
