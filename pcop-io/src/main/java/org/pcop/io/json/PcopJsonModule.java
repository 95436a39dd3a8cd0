package org.pcop.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Objects;
import java.util.stream.Collectors;
import org.pcop.io.ImportError;
import org.pcop.io.ReadLimits;
import org.pcop.io.internal.Codec;
import org.pcop.io.internal.Decoding;
import org.pcop.io.internal.EventCodecs;
import org.pcop.io.internal.JsonInput;
import org.pcop.io.internal.ModelCodecs;
import org.pcop.model.ActivityId;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.BarAdmission;
import org.pcop.model.CaseReference;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.Program;
import org.pcop.model.ProgramId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.model.SiteId;
import org.pcop.model.StatusChange;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.EventId;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.taxonomy.Aim;
import org.pcop.model.taxonomy.AimId;
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.taxonomy.TopicId;

/**
 * A Jackson module with the wire format of every pcop model value, identifier and event. Values
 * are read through the model's public builders, so whatever a builder refuses is refused here too,
 * with the JSON path of the field at fault; events carry a type name from {@link EventTypes}.
 *
 * <p>Strictness (unknown properties) follows the {@link ReadLimits} the module is made with; type
 * hints by class name are always refused. The parsing limits (depth, lengths, duplicate keys,
 * trailing tokens) belong to the mapper: {@link #strictMapper(ReadLimits)} makes one with all of
 * them.
 *
 * <pre>{@code
 * ObjectMapper mapper = PcopJsonModule.strictMapper(ReadLimits.defaults());
 * String json = mapper.writeValueAsString(member);
 * Member back = mapper.readValue(json, Member.class);
 * PcopEvent event = mapper.readValue(line, PcopEvent.class);
 * }</pre>
 */
public final class PcopJsonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  private final transient ReadLimits limits;

  /** A module in strict mode with the default limits. */
  public PcopJsonModule() {
    this(ReadLimits.defaults());
  }

  /**
   * A module reading with the strictness of {@code limits}.
   *
   * @param limits the limits
   */
  public PcopJsonModule(ReadLimits limits) {
    super("pcop", Version.unknownVersion());
    this.limits = Objects.requireNonNull(limits, "limits");
    add(MemberId.class, ModelCodecs.MEMBER_ID);
    add(SiteId.class, ModelCodecs.SITE_ID);
    add(AgencyId.class, ModelCodecs.AGENCY_ID);
    add(CommunityId.class, ModelCodecs.COMMUNITY_ID);
    add(ProgramId.class, ModelCodecs.PROGRAM_ID);
    add(ActivityId.class, ModelCodecs.ACTIVITY_ID);
    add(ExchangeId.class, ModelCodecs.EXCHANGE_ID);
    add(RfiId.class, ModelCodecs.RFI_ID);
    add(ResponseId.class, ModelCodecs.RESPONSE_ID);
    add(EventId.class, ModelCodecs.EVENT_ID);
    add(TaxonomyId.class, ModelCodecs.TAXONOMY_ID);
    add(CoreAreaId.class, ModelCodecs.CORE_AREA_ID);
    add(TopicId.class, ModelCodecs.TOPIC_ID);
    add(AimId.class, ModelCodecs.AIM_ID);
    add(BarAdmission.class, ModelCodecs.BAR_ADMISSION);
    add(CaseReference.class, ModelCodecs.CASE_REFERENCE);
    add(Program.class, ModelCodecs.PROGRAM);
    add(SiteEngagement.class, ModelCodecs.SITE_ENGAGEMENT);
    add(Site.class, ModelCodecs.SITE);
    add(Agency.class, ModelCodecs.AGENCY);
    add(Member.class, ModelCodecs.MEMBER);
    add(Community.class, ModelCodecs.COMMUNITY);
    add(StatusChange.class, ModelCodecs.STATUS_CHANGE);
    add(Membership.class, ModelCodecs.MEMBERSHIP);
    add(CoreArea.class, ModelCodecs.CORE_AREA);
    add(Topic.class, ModelCodecs.TOPIC);
    add(Aim.class, ModelCodecs.AIM);
    add(Taxonomy.class, ModelCodecs.TAXONOMY);
    add(Activity.class, ModelCodecs.ACTIVITY);
    add(Participation.class, ModelCodecs.PARTICIPATION);
    add(Approval.class, ModelCodecs.APPROVAL);
    add(Schedule.class, ModelCodecs.SCHEDULE);
    add(FollowUpReport.class, ModelCodecs.FOLLOW_UP_REPORT);
    add(Exchange.class, ModelCodecs.EXCHANGE);
    add(RfiResponse.class, ModelCodecs.RFI_RESPONSE);
    add(RequestForInformation.class, ModelCodecs.REQUEST_FOR_INFORMATION);
    add(PcopEvent.class, EventCodecs.EVENT);
    for (EventCodecs.Kind<?> kind : EventCodecs.kinds().values()) {
      addKind(kind);
    }
  }

  private <E extends PcopEvent> void addKind(EventCodecs.Kind<E> kind) {
    add(kind.type(), EventCodecs.only(kind));
  }

  private <T> void add(Class<T> type, Codec<T> codec) {
    addSerializer(type, new StdSerializer<T>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T value, JsonGenerator g, SerializerProvider provider)
          throws IOException {
        codec.encode(value, g);
      }
    });
    addDeserializer(type, new StdDeserializer<T>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        Decoding d = new Decoding(limits, (pointer, message) ->
            ImportError.json(0, 0, pointer, message));
        T value = codec.decode(node, "", d);
        if (value == null || d.errorCount() > 0) {
          String errors = d.errors().stream().map(ImportError::toString)
              .collect(Collectors.joining("; "));
          return ctxt.reportInputMismatch(type, "%s refused: %s%s", type.getSimpleName(), errors,
              d.omitted() > 0 ? "; and " + d.omitted() + " more" : "");
        }
        return value;
      }
    });
  }

  /**
   * An object mapper with this module and every limit of {@code limits}: nesting depth, string,
   * name, number and document length, duplicate keys and trailing tokens (strict mode), and no
   * default typing.
   *
   * @param limits the limits
   * @return a new mapper
   */
  public static ObjectMapper strictMapper(ReadLimits limits) {
    return JsonMapper.builder(JsonInput.factory(limits, limits.getMaxDocumentLength()))
        .addModule(new PcopJsonModule(limits))
        .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, limits.isStrict())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, limits.isStrict())
        .build();
  }
}
