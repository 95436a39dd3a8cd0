package org.pcop.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Counts, per adapter, the kit's rules that were checked (passed or failed), declared unsupported
 * by the adapter, or skipped for any other reason, and prints one line when the adapter's rules
 * are done:
 *
 * <pre>
 * pcop-tck [JdbcEventStore on H2] EventStoreCompatibilityKit: 20 rules checked (20 passed,
 * 0 failed); declared unsupported: none; skipped: none
 * </pre>
 *
 * <p>The line is also published as a report entry of the adapter's test class, so it is in the
 * adapter's test report next to the rules.
 */
final class KitReport implements TestWatcher, AfterAllCallback {
  private static final Namespace NAMESPACE = Namespace.create(KitReport.class);

  KitReport() {}

  /** The rule outcomes of one adapter. */
  static final class Tally {
    final List<String> passed = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    final List<String> declared = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

    synchronized String line(String adapter, String kit) {
      failed.sort(null);
      declared.sort(null);
      skipped.sort(null);
      return "pcop-tck [" + adapter + "] " + kit + ": " + (passed.size() + failed.size())
          + " rules checked (" + passed.size() + " passed, " + failed.size() + " failed"
          + (failed.isEmpty() ? "" : ": " + String.join(", ", failed)) + "); declared"
          + " unsupported: " + listed(declared) + "; skipped: " + listed(skipped);
    }

    private static String listed(List<String> rules) {
      return rules.isEmpty() ? "none" : String.join(", ", rules);
    }
  }

  /** The context of the adapter's test class, the parent of a rule's context. */
  private static Optional<ExtensionContext> adapterContext(ExtensionContext context) {
    for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent();
        at = at.get().getParent()) {
      ExtensionContext c = at.get();
      if (c.getTestMethod().isEmpty() && c.getTestClass().filter(KitNames::isAdapterTest)
          .isPresent()) {
        return at;
      }
    }
    return Optional.empty();
  }

  /** The tally of the adapter a rule runs against; empty for tests that are not a kit's rules. */
  private static Optional<Tally> tally(ExtensionContext rule) {
    if (rule.getTestMethod().filter(method -> method.getDeclaringClass()
        .getDeclaredAnnotation(Kit.class) != null).isEmpty()) {
      return Optional.empty();
    }
    return adapterContext(rule).map(adapter -> adapter.getStore(NAMESPACE)
        .computeIfAbsent(Tally.class, type -> new Tally(), Tally.class));
  }

  /** The rule id of a rule's test: the first word of its name, for example {@code R131}. */
  private static String ruleOf(ExtensionContext rule) {
    String name = rule.getDisplayName();
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  private static void add(ExtensionContext rule, Outcome outcome, String detail) {
    tally(rule).ifPresent(tally -> {
      synchronized (tally) {
        String id = ruleOf(rule);
        switch (outcome) {
          case PASSED -> tally.passed.add(id);
          case FAILED -> tally.failed.add(id);
          case DECLARED -> tally.declared.add(id + " (" + detail + ")");
          case SKIPPED -> tally.skipped.add(id + " (" + detail + ")");
          default -> throw new IllegalStateException(outcome.name());
        }
      }
    });
  }

  private enum Outcome { PASSED, FAILED, DECLARED, SKIPPED }

  @Override
  public void testSuccessful(ExtensionContext context) {
    add(context, Outcome.PASSED, "");
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    add(context, Outcome.FAILED, "");
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    if (cause instanceof DeclaredLimitation) {
      add(context, Outcome.DECLARED, ((DeclaredLimitation) cause).reason());
    } else {
      add(context, Outcome.SKIPPED, String.valueOf(cause.getMessage()));
    }
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    add(context, Outcome.SKIPPED, reason.orElse("disabled"));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Optional<Class<?>> type = context.getTestClass().filter(KitNames::isAdapterTest);
    if (type.isEmpty()) {
      return;
    }
    Tally tally = context.getStore(NAMESPACE).computeIfAbsent(Tally.class, t -> new Tally(),
        Tally.class);
    String line = tally.line(context.getDisplayName(), kitOf(type.get()));
    System.out.println(line);
    context.publishReportEntry("pcop-tck", line);
  }

  /** The kit a vendor's test class extends. */
  private static String kitOf(Class<?> testClass) {
    Class<?> type = testClass;
    while (type != null && type.getDeclaredAnnotation(Kit.class) == null) {
      type = type.getSuperclass();
    }
    return type == null ? testClass.getName() : type.getSimpleName();
  }
}
