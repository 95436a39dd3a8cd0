/**
 * What validation costs at bulk-import scale: building members and events from imported fields
 * with and without {@link org.pcop.model.validation.ModelValidator} (Hibernate Validator) checking
 * every value.
 */
package org.pcop.benchmarks.validation;
