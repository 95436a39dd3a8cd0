/**
 * The offline evaluation of pcop's suggestions (who should answer a request, which site should
 * host an exchange) over the generated national history, against three baselines, and the
 * benchmark of one suggestion query at national scale.
 */
package org.pcop.benchmarks.suggest;
