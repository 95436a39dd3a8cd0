/**
 * The values of a prosecutors' community of practice: identifiers, program, sites, agencies,
 * members, communities and memberships, the taxonomy, activities, exchanges, requests for
 * information, case references and the events that change them.
 *
 * <p>Every type is immutable and validated: builders refuse what can never be valid, and
 * {@link org.pcop.model.validation.ModelValidator} reports every violation of what a person typed.
 * The module depends on nothing that does I/O.
 */
module org.pcop.model {
  exports org.pcop.model;
  exports org.pcop.model.taxonomy;
  exports org.pcop.model.activity;
  exports org.pcop.model.event;
  exports org.pcop.model.validation;

  // Jakarta constraint annotations sit on the public accessors and ConstraintViolation appears
  // in the validation API.
  requires transitive jakarta.validation;
  // The validation entry point bootstraps Hibernate Validator with a parameter-only message
  // interpolator and a getter strategy; users never see its types.
  requires org.hibernate.validator;
  // Hibernate Validator logs its version at INFO through JBoss Logging, which falls back to
  // java.util.logging; ModelValidator sets that one logger to WARNING unless the host configured
  // it, so a host's error stream stays quiet.
  requires java.logging;
  // Phone numbers are checked by libphonenumber, which validates per region better than a regex.
  requires com.google.i18n.phonenumbers.libphonenumber;
  // Immutables is an annotation processor; its annotations are not needed at run time.
  requires static org.immutables.value;

  // Hibernate Validator instantiates our ConstraintValidator implementations reflectively.
  opens org.pcop.model.internal to org.hibernate.validator;
}
