/**
 * Engagement rules as data (eligibility, levels, points, service levels, exchange policy,
 * coverage and dormancy), evaluated by pure functions over the model and its history.
 */
module org.pcop.rules {

  // Rule inputs and results are model values (members, sites, events).
  requires transitive org.pcop.model;
  // Immutables is an annotation processor; its annotations are not needed at run time.
  requires static org.immutables.value;
}
