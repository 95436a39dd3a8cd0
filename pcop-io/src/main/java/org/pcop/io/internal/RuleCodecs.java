package org.pcop.io.internal;

import static org.pcop.io.internal.ModelCodecs.ACTIVITY_KIND;
import static org.pcop.io.internal.ModelCodecs.AGENCY_KIND;
import static org.pcop.io.internal.ModelCodecs.COMMUNITY_ID;
import static org.pcop.io.internal.ModelCodecs.JURISDICTION_LEVEL;
import static org.pcop.io.internal.ModelCodecs.MEMBERSHIP_ROLE;
import static org.pcop.io.internal.ModelCodecs.PARTICIPATION_KIND;
import static org.pcop.io.internal.Scalars.AMOUNT_CODEC;
import static org.pcop.io.internal.Scalars.BOOLEAN;
import static org.pcop.io.internal.Scalars.INT;
import static org.pcop.io.internal.Scalars.STRING;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pcop.model.CommunityId;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.definition.AnswererInvitationRule;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.CoverageRule;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.DormancyRule;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.definition.ServiceLevelRule;
import org.pcop.rules.definition.Window;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * The wire form of rule sets: {@code {"id", "version", "rules": [...]}}, each rule an object whose
 * {@code "kind"} is a registered kind name ({@code "engagement-level"}, ...; a plugin's kind by the
 * name it registered), then {@code "id"}, {@code "community"} and the properties of that kind. A
 * plugin kind's parameters are the object {@code "parameters"} of text values. Kinds are looked up
 * in a {@link RuleKindRegistry}; an unregistered name is refused, never guessed, and Java class
 * names never appear.
 */
public final class RuleCodecs {
  /** The built-in kind names; a custom rule may not use one. */
  public static final List<String> BUILT_IN = List.of(EligibilityRule.KIND,
      EngagementLevelRule.KIND, PointsRule.KIND, ServiceLevelRule.KIND, ExchangePolicyRule.KIND,
      CoverageRule.KIND, DormancyRule.KIND, RecommendationRule.KIND,
      AnswererInvitationRule.KIND);

  private static final String[] COMMON = {"kind", "id", "community"};
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\u2028\\u2029]");
  private static final Pattern CONTROL_BUT_LINES = Pattern.compile("[\\p{Cf}\\x00-\\x08"
      + "\\x0B-\\x1F\\x7F-\\x9F\\u2028\\u2029]");

  private static final Codec<MeasureKind> MEASURE_KIND = Scalars.enumeration(MeasureKind.class);
  private static final Codec<ContributionKind> CONTRIBUTION_KIND =
      Scalars.enumeration(ContributionKind.class);
  private static final Codec<CalendarPeriod> CALENDAR_PERIOD =
      Scalars.enumeration(CalendarPeriod.class);
  private static final Codec<ServiceLevelKind> SERVICE_LEVEL_KIND =
      Scalars.enumeration(ServiceLevelKind.class);

  private RuleCodecs() {}

  /** A rule id. */
  public static final Codec<RuleId> RULE_ID = Scalars.id("rule id", RuleId::of, RuleId::value);

  /** Short text: not blank, at most 200 characters, no control characters. */
  public static final Codec<String> NAME = Scalars.textual(
      "a name (1 to 200 characters, not blank, no control characters)", s -> {
        checkName(s);
        return s;
      }, s -> {
        checkName(s);
        return s;
      });

  /** A finite JSON number. */
  public static final Codec<Double> NUMBER = new Codec<>() {
    @Override
    public Double decode(JsonNode node, String at, Decoding d) {
      if (!node.isNumber()) {
        d.error(at, "expected a number, found " + Fields.kind(node));
        return null;
      }
      double value = node.doubleValue();
      if (!Double.isFinite(value)) {
        d.error(at, "expected a finite number, found one out of range");
        return null;
      }
      return value;
    }

    @Override
    public void encode(Double value, JsonGenerator g) throws IOException {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a rule set holds the number " + value
            + ", which JSON cannot carry; expected a finite number");
      }
      g.writeNumber(value);
    }

    @Override
    public String expected() {
      return "a number";
    }
  };

  /** A window: {@code {"days": 90}}, or {@code {}} for all time. */
  public static final ObjectCodec<Window> WINDOW = ObjectCodec.of(
      "a window ({\"days\": N} or {} for all time)", new String[] {"days"},
      f -> {
        Optional<Integer> days = f.opt("days", INT);
        return f.build(() -> days.map(Window::lastDays).orElse(Window.allTime()));
      },
      (v, g) -> Out.opt(g, "days", v.getDays(), INT));

  /**
   * One requirement of a level. A contribution measure also names its {@code contribution} and
   * may filter by {@code topics} and {@code coreAreas}, written only when not empty. A measure of
   * participations may name a {@code series} of activities.
   */
  public static final ObjectCodec<Measure> MEASURE = ObjectCodec.of("a measure",
      new String[] {"kind", "participationKinds", "activityKind", "contribution", "topics",
          "coreAreas", "window", "threshold", "cap", "series"},
      f -> {
        var kind = f.req("kind", MEASURE_KIND);
        var participationKinds = f.set("participationKinds", PARTICIPATION_KIND);
        var activityKind = f.opt("activityKind", ACTIVITY_KIND);
        var contribution = f.opt("contribution", CONTRIBUTION_KIND);
        var topics = f.set("topics", ModelCodecs.TOPIC_ID);
        var coreAreas = f.set("coreAreas", ModelCodecs.CORE_AREA_ID);
        var window = f.opt("window", WINDOW);
        var threshold = f.opt("threshold", NUMBER);
        var cap = f.opt("cap", INT);
        var series = f.opt("series", STRING);
        return f.build(() -> Measure.builder().kind(kind)
            .participationKinds(participationKinds).activityKind(activityKind)
            .contribution(contribution).topics(topics).coreAreas(coreAreas)
            .window(window.orElse(Window.allTime())).threshold(threshold.orElse(0.0)).cap(cap)
            .series(series)
            .build());
      },
      (v, g) -> {
        Out.field(g, "kind", v.getKind(), MEASURE_KIND);
        Out.array(g, "participationKinds", v.getParticipationKinds(), PARTICIPATION_KIND);
        Out.opt(g, "activityKind", v.getActivityKind(), ACTIVITY_KIND);
        Out.opt(g, "contribution", v.getContribution(), CONTRIBUTION_KIND);
        if (!v.getTopics().isEmpty()) {
          Out.array(g, "topics", new java.util.TreeSet<>(v.getTopics()), ModelCodecs.TOPIC_ID);
        }
        if (!v.getCoreAreas().isEmpty()) {
          Out.array(g, "coreAreas", new java.util.TreeSet<>(v.getCoreAreas()),
              ModelCodecs.CORE_AREA_ID);
        }
        Out.field(g, "window", v.getWindow(), WINDOW);
        Out.field(g, "threshold", v.getThreshold(), NUMBER);
        Out.opt(g, "cap", v.getCap(), INT);
        Out.opt(g, "series", v.getSeries(), STRING);
      });

  /**
   * An engagement level, with its own policies written only when set: {@code neverDemoted}
   * (when true), {@code demotionFraction} and {@code graceDays}.
   */
  public static final ObjectCodec<Level> LEVEL = ObjectCodec.of("a level",
      new String[] {"name", "requirements", "neverDemoted", "demotionFraction", "graceDays"},
      f -> {
        var name = f.req("name", NAME);
        var requirements = f.list("requirements", MEASURE);
        var neverDemoted = f.opt("neverDemoted", BOOLEAN);
        var fraction = f.opt("demotionFraction", NUMBER);
        var grace = f.opt("graceDays", INT);
        return f.build(() -> Level.builder().name(name).requirements(requirements)
            .neverDemoted(neverDemoted.orElse(false)).demotionFraction(fraction)
            .graceDays(grace).build());
      },
      (v, g) -> {
        Out.field(g, "name", v.getName(), NAME);
        Out.array(g, "requirements", v.getRequirements(), MEASURE);
        if (v.isNeverDemoted()) {
          Out.field(g, "neverDemoted", true, BOOLEAN);
        }
        Out.opt(g, "demotionFraction", v.getDemotionFraction(), NUMBER);
        Out.opt(g, "graceDays", v.getGraceDays(), INT);
      });

  /** Points per participation kind: an object keyed by the kind's name. */
  private static final Codec<Map<ParticipationKind, Integer>> POINTS_PER_KIND = new Codec<>() {
    @Override
    public Map<ParticipationKind, Integer> decode(JsonNode node, String at, Decoding d) {
      if (!node.isObject()) {
        d.error(at, "expected " + expected() + ", found " + Fields.kind(node));
        return null;
      }
      Map<ParticipationKind, Integer> out = new EnumMap<>(ParticipationKind.class);
      int before = d.errorCount();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String where = at + "/" + Texts.pointerToken(e.getKey());
        ParticipationKind kind = PARTICIPATION_KIND.decode(
            com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()), where, d);
        Integer points = INT.decode(e.getValue(), where, d);
        if (kind != null && points != null) {
          out.put(kind, points);
        }
      }
      return d.errorCount() > before ? null : Collections.unmodifiableMap(out);
    }

    @Override
    public void encode(Map<ParticipationKind, Integer> value, JsonGenerator g)
        throws IOException {
      g.writeStartObject();
      for (ParticipationKind kind : ParticipationKind.values()) {
        if (value.containsKey(kind)) {
          g.writeNumberField(kind.name(), value.get(kind));
        }
      }
      g.writeEndObject();
    }

    @Override
    public String expected() {
      return "an object of whole numbers keyed by participation kind";
    }
  };

  /** A plugin rule's parameters: an object of text values. */
  private static final Codec<Map<String, String>> PARAMETERS = new Codec<>() {
    @Override
    public Map<String, String> decode(JsonNode node, String at, Decoding d) {
      if (!node.isObject()) {
        d.error(at, "expected " + expected() + ", found " + Fields.kind(node));
        return null;
      }
      Map<String, String> out = new LinkedHashMap<>();
      int before = d.errorCount();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String where = at + "/" + Texts.pointerToken(e.getKey());
        String problem = parameterProblem(e.getKey(), e.getValue().isTextual()
            ? e.getValue().textValue() : "");
        if (problem != null) {
          d.error(where, problem);
        } else if (!e.getValue().isTextual()) {
          d.error(where, "expected the parameter as a string, found "
              + Fields.kind(e.getValue()));
        } else {
          out.put(e.getKey(), e.getValue().textValue());
        }
      }
      return d.errorCount() > before ? null : Collections.unmodifiableMap(out);
    }

    @Override
    public void encode(Map<String, String> value, JsonGenerator g) throws IOException {
      g.writeStartObject();
      for (Map.Entry<String, String> e : value.entrySet()) {
        String problem = parameterProblem(e.getKey(), e.getValue());
        if (problem != null) {
          throw new IllegalArgumentException("parameter " + Texts.quote(e.getKey()) + ": "
              + problem);
        }
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }

    @Override
    public String expected() {
      return "an object of parameters with string values";
    }
  };

  private static void checkName(String s) {
    if (s.isBlank() || s.length() > 200 || CONTROL.matcher(s).find()) {
      throw new IllegalArgumentException("not a name");
    }
  }

  private static String parameterProblem(String name, String value) {
    if (name.isEmpty() || name.startsWith("@") || CONTROL.matcher(name).find()) {
      return "a parameter name must be non-empty text without control characters and must not"
          + " start with '@' (type hints are not accepted)";
    }
    if (CONTROL_BUT_LINES.matcher(value).find()) {
      return "a parameter value must not hold control characters other than tab and line feed";
    }
    return null;
  }

  /** Reads and writes the body of one kind of built-in rule. */
  private interface Body<R extends Rule> {
    R read(Fields f, RuleId id, CommunityId community);

    void write(R rule, JsonGenerator g) throws IOException;
  }

  private record BuiltIn<R extends Rule>(String kind, Class<R> type, String[] names,
      Body<R> body) {}

  private static String[] names(String... body) {
    String[] all = new String[COMMON.length + body.length];
    System.arraycopy(COMMON, 0, all, 0, COMMON.length);
    System.arraycopy(body, 0, all, COMMON.length, body.length);
    return all;
  }

  private static final List<BuiltIn<?>> KINDS = List.of(
      new BuiltIn<>(EligibilityRule.KIND, EligibilityRule.class, names("allowedRoles",
          "allowedAgencyKinds", "allowedJurisdictionLevels", "alumniYears",
          "outsideExpertsAllowed"), new Body<EligibilityRule>() {
            @Override
            public EligibilityRule read(Fields f, RuleId id, CommunityId community) {
              var roles = f.set("allowedRoles", MEMBERSHIP_ROLE);
              var agencyKinds = f.set("allowedAgencyKinds", AGENCY_KIND);
              var levels = f.set("allowedJurisdictionLevels", JURISDICTION_LEVEL);
              var alumniYears = f.opt("alumniYears", INT);
              var outside = f.flag("outsideExpertsAllowed", true);
              return f.build(() -> EligibilityRule.builder().id(id).community(community)
                  .allowedRoles(roles).allowedAgencyKinds(agencyKinds)
                  .allowedJurisdictionLevels(levels).alumniYears(alumniYears)
                  .outsideExpertsAllowed(outside).build());
            }

            @Override
            public void write(EligibilityRule r, JsonGenerator g) throws IOException {
              Out.array(g, "allowedRoles", r.getAllowedRoles(), MEMBERSHIP_ROLE);
              Out.array(g, "allowedAgencyKinds", r.getAllowedAgencyKinds(), AGENCY_KIND);
              Out.array(g, "allowedJurisdictionLevels", r.getAllowedJurisdictionLevels(),
                  JURISDICTION_LEVEL);
              Out.opt(g, "alumniYears", r.getAlumniYears(), INT);
              Out.field(g, "outsideExpertsAllowed", r.isOutsideExpertsAllowed(), BOOLEAN);
            }
          }),
      new BuiltIn<>(EngagementLevelRule.KIND, EngagementLevelRule.class, names("levels",
          "demotionFraction", "graceDays", "cumulative"), new Body<EngagementLevelRule>() {
            @Override
            public EngagementLevelRule read(Fields f, RuleId id, CommunityId community) {
              var levels = f.list("levels", LEVEL);
              var fraction = f.opt("demotionFraction", NUMBER);
              var grace = f.opt("graceDays", INT);
              var cumulative = f.opt("cumulative", BOOLEAN);
              return f.build(() -> {
                var b = EngagementLevelRule.builder().id(id).community(community).levels(levels);
                fraction.ifPresent(b::demotionFraction);
                grace.ifPresent(b::graceDays);
                cumulative.ifPresent(b::cumulative);
                return b.build();
              });
            }

            @Override
            public void write(EngagementLevelRule r, JsonGenerator g) throws IOException {
              Out.array(g, "levels", r.getLevels(), LEVEL);
              Out.field(g, "demotionFraction", r.getDemotionFraction(), NUMBER);
              Out.field(g, "graceDays", r.getGraceDays(), INT);
              if (r.isCumulative()) {
                Out.field(g, "cumulative", true, BOOLEAN);
              }
            }
          }),
      new BuiltIn<>(PointsRule.KIND, PointsRule.class, names("pointsPerKind", "capPerPeriod",
          "capPeriod", "halfLifeDays", "leaderboardSize"), new Body<PointsRule>() {
            @Override
            public PointsRule read(Fields f, RuleId id, CommunityId community) {
              var points = f.opt("pointsPerKind", POINTS_PER_KIND);
              var cap = f.opt("capPerPeriod", INT);
              var period = f.opt("capPeriod", CALENDAR_PERIOD);
              var halfLife = f.opt("halfLifeDays", INT);
              var size = f.opt("leaderboardSize", INT);
              return f.build(() -> {
                var b = PointsRule.builder().id(id).community(community)
                    .pointsPerKind(points.orElse(Map.of())).capPerPeriod(cap)
                    .halfLifeDays(halfLife);
                period.ifPresent(b::capPeriod);
                size.ifPresent(b::leaderboardSize);
                return b.build();
              });
            }

            @Override
            public void write(PointsRule r, JsonGenerator g) throws IOException {
              Out.field(g, "pointsPerKind", r.getPointsPerKind(), POINTS_PER_KIND);
              Out.opt(g, "capPerPeriod", r.getCapPerPeriod(), INT);
              Out.field(g, "capPeriod", r.getCapPeriod(), CALENDAR_PERIOD);
              Out.opt(g, "halfLifeDays", r.getHalfLifeDays(), INT);
              Out.field(g, "leaderboardSize", r.getLeaderboardSize(), INT);
            }
          }),
      new BuiltIn<>(ServiceLevelRule.KIND, ServiceLevelRule.class, names("obligation", "days",
          "businessDays", "warnBusinessDays"), new Body<ServiceLevelRule>() {
            @Override
            public ServiceLevelRule read(Fields f, RuleId id, CommunityId community) {
              var obligation = f.req("obligation", SERVICE_LEVEL_KIND);
              var days = f.req("days", INT);
              var business = f.flag("businessDays", false);
              var warn = f.opt("warnBusinessDays", INT);
              return f.build(() -> ServiceLevelRule.builder().id(id).community(community)
                  .obligation(obligation).days(days).businessDays(business)
                  .warnBusinessDays(warn).build());
            }

            @Override
            public void write(ServiceLevelRule r, JsonGenerator g) throws IOException {
              Out.field(g, "obligation", r.getObligation(), SERVICE_LEVEL_KIND);
              Out.field(g, "days", r.getDays(), INT);
              Out.field(g, "businessDays", r.isBusinessDays(), BOOLEAN);
              Out.opt(g, "warnBusinessDays", r.getWarnBusinessDays(), INT);
            }
          }),
      new BuiltIn<>(ExchangePolicyRule.KIND, ExchangePolicyRule.class, names("hostCapacity",
          "capacityPeriod", "travelFundingCap"), new Body<ExchangePolicyRule>() {
            @Override
            public ExchangePolicyRule read(Fields f, RuleId id, CommunityId community) {
              var capacity = f.opt("hostCapacity", INT);
              var period = f.opt("capacityPeriod", CALENDAR_PERIOD);
              var cap = f.opt("travelFundingCap", AMOUNT_CODEC);
              return f.build(() -> {
                var b = ExchangePolicyRule.builder().id(id).community(community)
                    .hostCapacity(capacity).travelFundingCap(cap);
                period.ifPresent(b::capacityPeriod);
                return b.build();
              });
            }

            @Override
            public void write(ExchangePolicyRule r, JsonGenerator g) throws IOException {
              Out.opt(g, "hostCapacity", r.getHostCapacity(), INT);
              Out.field(g, "capacityPeriod", r.getCapacityPeriod(), CALENDAR_PERIOD);
              if (r.getTravelFundingCap().isPresent()) {
                BigDecimal cap = r.getTravelFundingCap().get();
                if (cap.scale() > 6 || cap.precision() - cap.scale() > 15) {
                  throw new IllegalArgumentException("rule " + r.getId()
                      + ": travelFundingCap " + cap.toPlainString() + " has more than 15 digits"
                      + " before or 6 after the point; expected an amount in dollars and cents");
                }
                Out.field(g, "travelFundingCap", cap, AMOUNT_CODEC);
              }
            }
          }),
      new BuiltIn<>(CoverageRule.KIND, CoverageRule.class, names("minExperts", "matrixWindow"),
          new Body<CoverageRule>() {
            @Override
            public CoverageRule read(Fields f, RuleId id, CommunityId community) {
              var min = f.opt("minExperts", INT);
              var window = f.opt("matrixWindow", WINDOW);
              return f.build(() -> {
                var b = CoverageRule.builder().id(id).community(community);
                min.ifPresent(b::minExperts);
                window.ifPresent(b::matrixWindow);
                return b.build();
              });
            }

            @Override
            public void write(CoverageRule r, JsonGenerator g) throws IOException {
              Out.field(g, "minExperts", r.getMinExperts(), INT);
              Out.field(g, "matrixWindow", r.getMatrixWindow(), WINDOW);
            }
          }),
      new BuiltIn<>(DormancyRule.KIND, DormancyRule.class, names("days"),
          new Body<DormancyRule>() {
            @Override
            public DormancyRule read(Fields f, RuleId id, CommunityId community) {
              var days = f.req("days", INT);
              return f.build(() -> DormancyRule.builder().id(id).community(community)
                  .days(days).build());
            }

            @Override
            public void write(DormancyRule r, JsonGenerator g) throws IOException {
              Out.field(g, "days", r.getDays(), INT);
            }
          }),
      // The weights of suggestions (issue 21); the codecs live in RecommendationCodecs.
      new BuiltIn<>(RecommendationRule.KIND, RecommendationRule.class,
          names("answererWeights", "hostWeights"), new Body<RecommendationRule>() {
            @Override
            public RecommendationRule read(Fields f, RuleId id, CommunityId community) {
              var answerers = f.opt("answererWeights", RecommendationCodecs.ANSWERER_WEIGHTS);
              var hosts = f.opt("hostWeights", RecommendationCodecs.HOST_WEIGHTS);
              return f.build(() -> {
                var b = RecommendationRule.builder().id(id).community(community);
                answerers.ifPresent(b::answererWeights);
                hosts.ifPresent(b::hostWeights);
                return b.build();
              });
            }

            @Override
            public void write(RecommendationRule r, JsonGenerator g) throws IOException {
              Out.field(g, "answererWeights", r.getAnswererWeights(),
                  RecommendationCodecs.ANSWERER_WEIGHTS);
              Out.field(g, "hostWeights", r.getHostWeights(), RecommendationCodecs.HOST_WEIGHTS);
            }
          }),
      new BuiltIn<>(AnswererInvitationRule.KIND, AnswererInvitationRule.class,
          names(AnswererInvitationCodec.PROPERTIES), new Body<AnswererInvitationRule>() {
            @Override
            public AnswererInvitationRule read(Fields f, RuleId id, CommunityId community) {
              return AnswererInvitationCodec.read(f, id, community);
            }

            @Override
            public void write(AnswererInvitationRule r, JsonGenerator g) throws IOException {
              AnswererInvitationCodec.write(r, g);
            }
          }));

  private static final String[] CUSTOM_NAMES = names("parameters");

  private static BuiltIn<?> builtIn(String kind) {
    for (BuiltIn<?> b : KINDS) {
      if (b.kind().equals(kind)) {
        return b;
      }
    }
    return null;
  }

  /**
   * The codec of one rule, knowing the kinds of {@code registry}.
   *
   * @param registry the kinds that may appear
   * @return the codec
   */
  public static Codec<Rule> rule(RuleKindRegistry registry) {
    return new Codec<>() {
      @Override
      public Rule decode(JsonNode node, String at, Decoding d) {
        if (!node.isObject()) {
          d.error(at, "expected a rule (a JSON object), found " + Fields.kind(node));
          return null;
        }
        JsonNode kindNode = node.get("kind");
        String known = String.join(", ", registry.names());
        if (kindNode == null || !kindNode.isTextual()) {
          d.error(at + "/kind", (kindNode == null ? "missing required property \"kind\""
              : "expected the rule kind as a string, found " + Fields.kind(kindNode))
              + "; expected one of " + known);
          return null;
        }
        String kind = kindNode.textValue();
        if (registry.kind(kind).isEmpty()) {
          d.error(at + "/kind", "unknown rule kind " + Texts.quote(kind) + "; expected one of "
              + known + " (a plugin's kind is read only when the format is given a registry"
              + " that holds it)");
          return null;
        }
        BuiltIn<?> builtIn = builtIn(kind);
        String what = "a " + kind + " rule";
        Fields f = Fields.of(node, at, d, what,
            builtIn != null ? builtIn.names() : CUSTOM_NAMES);
        RuleId id = f.req("id", RULE_ID);
        CommunityId community = f.req("community", COMMUNITY_ID);
        if (builtIn != null) {
          return builtIn.body().read(f, id, community);
        }
        Map<String, String> parameters = f.opt("parameters", PARAMETERS).orElse(Map.of());
        return f.build(() -> CustomRule.builder().id(id).community(community).kind(kind)
            .parameters(parameters).build());
      }

      @Override
      public void encode(Rule rule, JsonGenerator g) throws IOException {
        String kind = rule.kind();
        BuiltIn<?> builtIn = builtIn(kind);
        boolean custom = rule instanceof CustomRule;
        if (custom && builtIn != null) {
          throw new IllegalArgumentException("rule " + rule.getId() + " is a custom rule of the"
              + " built-in kind '" + kind + "'; build it with the kind's own builder");
        }
        if (builtIn == null && !custom) {
          throw new IllegalArgumentException("rule " + rule.getId() + " is of kind '" + kind
              + "', which has no wire form; expected a built-in rule or a CustomRule");
        }
        if (registry.kind(kind).isEmpty()) {
          throw new IllegalArgumentException("rule " + rule.getId() + " is of kind '" + kind
              + "', which the registry of this format does not hold; expected one of "
              + String.join(", ", registry.names()));
        }
        g.writeStartObject();
        g.writeStringField("kind", kind);
        Out.field(g, "id", rule.getId(), RULE_ID);
        Out.field(g, "community", rule.getCommunity(), COMMUNITY_ID);
        if (builtIn != null) {
          writeBody(builtIn, rule, g);
        } else {
          Out.field(g, "parameters", ((CustomRule) rule).getParameters(), PARAMETERS);
        }
        g.writeEndObject();
      }

      @Override
      public String expected() {
        return "a rule";
      }
    };
  }

  private static <R extends Rule> void writeBody(BuiltIn<R> builtIn, Rule rule, JsonGenerator g)
      throws IOException {
    if (!builtIn.type().isInstance(rule)) {
      throw new IllegalArgumentException("rule " + rule.getId() + " says it is of kind '"
          + builtIn.kind() + "' but is not a " + builtIn.type().getSimpleName());
    }
    builtIn.body().write(builtIn.type().cast(rule), g);
  }

  /**
   * The properties of a rule set, in the order written.
   *
   * @return the names
   */
  public static List<String> ruleSetProperties() {
    return List.of("id", "version", "rules");
  }

  /**
   * Reads the properties of a rule set from an object already opened as {@code f}.
   *
   * @param f the rule set's fields
   * @param rule the rule codec
   * @return the rule set, or null after recording errors
   */
  public static RuleSet readRuleSet(Fields f, Codec<Rule> rule) {
    String id = f.req("id", NAME);
    Integer version = f.req("version", INT);
    List<Rule> rules = f.list("rules", rule);
    return f.build(() -> RuleSet.builder().id(id).version(version).rules(rules).build());
  }

  /**
   * Writes the properties of a rule set inside an open object.
   *
   * @param set the rule set
   * @param g the generator
   * @param rule the rule codec
   * @throws IOException if writing fails
   */
  public static void writeRuleSet(RuleSet set, JsonGenerator g, Codec<Rule> rule)
      throws IOException {
    Out.field(g, "id", set.getId(), NAME);
    Out.field(g, "version", set.getVersion(), INT);
    Out.array(g, "rules", set.getRules(), rule);
  }

  /**
   * The codec of a rule set nested in another document (no schema version of its own).
   *
   * @param registry the kinds that may appear
   * @return the codec
   */
  public static ObjectCodec<RuleSet> ruleSet(RuleKindRegistry registry) {
    Codec<Rule> rule = rule(registry);
    return ObjectCodec.of("a rule set", ruleSetProperties().toArray(new String[0]),
        f -> readRuleSet(f, rule), (v, g) -> writeRuleSet(v, g, rule));
  }
}
