/**
 * The quick start: one program that builds an engine over in-memory providers, sets up a community
 * of two sites, carries an exchange and a request for information through, and prints the rules'
 * explanations. The README shows it verbatim.
 */
package org.pcop.samples.quickstart;
