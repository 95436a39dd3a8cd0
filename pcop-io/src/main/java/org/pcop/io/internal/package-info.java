/**
 * The machinery behind pcop's formats: the tree reader that records where every value was, the
 * decoding context that collects located errors, the codecs of every model value and event, the
 * UTF-8 text input and the CSV reader and writer. Not exported; nothing here is API.
 */
package org.pcop.io.internal;
