/**
 * The {@code pcop} command and its subcommands ({@code demo}, {@code import}, {@code export},
 * {@code evaluate}, {@code report}), parsed by picocli. Every failure ends in one line on the
 * error stream and a non-zero exit code; {@code --verbose} adds the stack trace.
 */
package org.pcop.samples.cli;
