/**
 * Validation of what people type: the single entry point {@link ModelValidator}, the constraints
 * pcop adds to Jakarta Validation, and the limits it applies.
 */
package org.pcop.model.validation;
