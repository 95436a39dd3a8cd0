/*
 * A module descriptor for H2 2.3.232, which ships none (only an Automatic-Module-Name), added to
 * the jar at build time so that jlink accepts it. Written from jdeps' output; the JDK modules used
 * only by H2's web console, tray icon, Java functions and scripting are optional, so a runtime
 * image of an embedded database leaves them out.
 */
module com.h2database {
    requires transitive java.sql;
    requires transitive java.naming;
    requires java.logging;
    requires java.management;
    requires java.transaction.xa;
    requires java.xml;

    requires static java.compiler;
    requires static java.desktop;
    requires static java.instrument;
    requires static java.scripting;
    requires static jdk.net;

    exports org.h2;
    exports org.h2.api;
    exports org.h2.bnf;
    exports org.h2.bnf.context;
    exports org.h2.command;
    exports org.h2.command.ddl;
    exports org.h2.command.dml;
    exports org.h2.command.query;
    exports org.h2.compress;
    exports org.h2.constraint;
    exports org.h2.engine;
    exports org.h2.expression;
    exports org.h2.expression.aggregate;
    exports org.h2.expression.analysis;
    exports org.h2.expression.condition;
    exports org.h2.expression.function;
    exports org.h2.expression.function.table;
    exports org.h2.fulltext;
    exports org.h2.index;
    exports org.h2.jdbc;
    exports org.h2.jdbc.meta;
    exports org.h2.jdbcx;
    exports org.h2.jmx;
    exports org.h2.message;
    exports org.h2.mode;
    exports org.h2.mvstore;
    exports org.h2.mvstore.cache;
    exports org.h2.mvstore.db;
    exports org.h2.mvstore.rtree;
    exports org.h2.mvstore.tx;
    exports org.h2.mvstore.type;
    exports org.h2.result;
    exports org.h2.schema;
    exports org.h2.security;
    exports org.h2.security.auth;
    exports org.h2.security.auth.impl;
    exports org.h2.server;
    exports org.h2.server.pg;
    exports org.h2.server.web;
    exports org.h2.store;
    exports org.h2.store.fs;
    exports org.h2.store.fs.async;
    exports org.h2.store.fs.disk;
    exports org.h2.store.fs.encrypt;
    exports org.h2.store.fs.mem;
    exports org.h2.store.fs.niomapped;
    exports org.h2.store.fs.niomem;
    exports org.h2.store.fs.rec;
    exports org.h2.store.fs.retry;
    exports org.h2.store.fs.split;
    exports org.h2.store.fs.zip;
    exports org.h2.table;
    exports org.h2.tools;
    exports org.h2.util;
    exports org.h2.util.geometry;
    exports org.h2.util.json;
    exports org.h2.value;
    exports org.h2.value.lob;

    provides java.sql.Driver with
        org.h2.Driver;

}
