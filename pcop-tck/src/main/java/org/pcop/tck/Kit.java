package org.pcop.tck;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a compatibility kit. Inherited by the vendor's test class, it prints the adapter's
 * one-line summary of checked, declared unsupported and skipped rules ({@link KitReport}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(KitReport.class)
@interface Kit {}
