/*
 * A module descriptor for libphonenumber, which ships none (only an Automatic-Module-Name), added
 * to the jar at build time so that jlink accepts it. Written from jdeps' output; the metadata
 * files are read by the library's own classes, so nothing needs to be opened.
 */
module com.google.i18n.phonenumbers.libphonenumber {
    requires java.logging;

    exports com.google.i18n.phonenumbers;
    exports com.google.i18n.phonenumbers.internal;
    exports com.google.i18n.phonenumbers.metadata;
    exports com.google.i18n.phonenumbers.metadata.init;
    exports com.google.i18n.phonenumbers.metadata.source;

}
