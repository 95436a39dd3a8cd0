package org.pcop.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the pcop model, applied in each model package's
 * {@code package-info.java}.
 *
 * <p>Accessors are named {@code getX()} / {@code isX()} so that Jakarta Validation sees them as
 * properties (Hibernate Validator ignores constraints on {@code x()} accessors without a word);
 * builders drop the prefix ({@code Member.builder().name("...")}). Generated code carries no
 * annotations beyond {@code @Override}, so the model needs neither Error Prone's annotations nor
 * {@code java.compiler} at run time. Values are built through static {@code builder()} methods on
 * the abstract types.
 *
 * <p>Generated code uses the JDK's collections only ({@code jdkOnly}): their builders check every
 * element they are given, so a null element of a list or set is refused with a
 * {@link MissingValueException} naming the attribute ({@code "expertise element: must not be
 * null"}), where Guava's collection builders throw a {@link NullPointerException} without a
 * message. List and set accessors return unmodifiable JDK collections in the order given.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    get = {"get*", "is*"},
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class},
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true, prehash = false),
    depluralize = true,
    depluralizeDictionary = {"expertise:expertise", "visitingAgency:visitingAgencies",
        "caseReference:caseReferences", "barAdmission:barAdmissions"},
    throwForInvalidImmutableState = MissingValueException.class,
    throwForNullPointer = MissingValueException.class)
public @interface PcopStyle {}
