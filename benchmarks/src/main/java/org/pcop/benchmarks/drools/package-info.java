/**
 * The peer of pcop-rules: the engagement-level and service-level rules of the default rule set
 * written once more in Drools' rule language, fed the same events and compared with pcop on the
 * same generated community. The facts are plain Java classes that the rule file reads; {@link
 * org.pcop.benchmarks.drools.DroolsSession} turns pcop events into them.
 */
package org.pcop.benchmarks.drools;
