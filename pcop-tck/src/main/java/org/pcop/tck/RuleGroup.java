package org.pcop.tck;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The guarantee a kit's nested group of rules checks, for example "Batches are atomic". The group's
 * test name is this title after the name of the adapter under test ({@link KitNames}), so that
 * the results of several adapters in one build stay apart.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface RuleGroup {
  /**
   * The guarantee, as a sentence.
   *
   * @return the title
   */
  String value();
}
