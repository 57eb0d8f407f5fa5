using GongGrid.Api.Mapping;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using GongGrid.Grains.Interfaces;
using V1 = GongGrid.Api.V1;

namespace GongGrid.Silo.Api.Mapping;

/// <summary>Domain report records to proto messages.</summary>
public static class ProtoReports
{
    public static string ToProto(this DateOnly night) => night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Timestamp? ToProto(this DateTimeOffset? instant) => instant is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static V1.OutcomeCounts ToProto(this OutcomeCounts counts) => new()
    {
        Villages = counts.Villages,
        OnTime = counts.OnTime,
        SpeakerPlayback = counts.SpeakerPlayback,
        Early = counts.Early,
        Late = counts.Late,
        Incomplete = counts.Incomplete,
        Missed = counts.Missed,
        Pending = counts.Pending,
    };

    public static V1.NightOutcome ToProto(this NightOutcome outcome) => new()
    {
        Night = outcome.Night.ToProto(),
        Kind = outcome.Kind.ToProto(),
        StrikeCount = outcome.StrikeCount,
        RoundStartedAt = outcome.RoundStartedAt.ToProto(),
        IsFinal = outcome.IsFinal,
    };

    public static V1.VillageNight ToProto(this VillageNightLine line) =>
        new() { VillageKey = line.VillageKey, Name = line.Name, Outcome = line.Outcome.ToProto() };

    public static V1.VillageNight ToProto(this VillageNight night, string name) =>
        new() { VillageKey = night.VillageKey, Name = name, Outcome = night.Outcome.ToProto(), StrikerId = night.StrikerId ?? "" };

    public static V1.Alarm ToProto(this Alarm alarm) => new()
    {
        AlarmId = alarm.AlarmId,
        VillageKey = alarm.VillageKey,
        Kind = alarm.Kind.ToProto(),
        Source = alarm.Source.ToProto(),
        Status = alarm.Status.ToProto(),
        RaisedAt = Timestamp.FromDateTimeOffset(alarm.RaisedAt),
        LastSignalAt = Timestamp.FromDateTimeOffset(alarm.LastSignalAt),
        AcknowledgedBy = alarm.AcknowledgedBy ?? "",
        AcknowledgedAt = alarm.AcknowledgedAt.ToProto(),
        ResolutionNote = alarm.ResolutionNote ?? "",
        ResolvedAt = alarm.ResolvedAt.ToProto(),
    };

    public static V1.DeviceStatus ToProto(this DeviceStatus status)
    {
        var proto = new V1.DeviceStatus
        {
            DeviceKey = status.DeviceKey,
            Kind = status.Kind.ToProto(),
            Place = status.Place,
            Condition = status.Condition.ToProto(),
            Online = status.Online,
            LastSeen = status.LastSeen.ToProto(),
            SequenceGaps = status.SequenceGaps,
            ClockSkewedEvents = status.ClockSkewedEvents,
            NeedsAttention = status.NeedsAttention,
        };
        if (status.BatteryPercent is { } battery)
        {
            proto.BatteryPercent = battery;
        }

        return proto;
    }

    public static V1.VillageCoverage ToProto(this VillageCoverage coverage)
    {
        var proto = new V1.VillageCoverage { VillageKey = coverage.VillageKey, VillageName = coverage.VillageName };
        proto.Gaps.AddRange(coverage.Gaps.Select(gap =>
        {
            var message = new V1.CoverageGap { ClusterSlug = gap.ClusterSlug, ClusterName = gap.ClusterName, Households = gap.Households };
            if (gap.NearestGongMeters is { } meters)
            {
                message.NearestGongMeters = meters;
            }

            return message;
        }));
        return proto;
    }

    public static V1.VillageAllowances ToProto(this VillageAllowances village)
    {
        var proto = new V1.VillageAllowances { VillageKey = village.VillageKey, Name = village.Name, TotalVnd = village.TotalVnd };
        proto.Strikers.AddRange(village.Strikers.Select(striker => new V1.StrikerAllowance
        {
            StrikerId = striker.StrikerId,
            Name = striker.Name,
            NightsStruck = striker.NightsStruck,
            NightlyRateVnd = striker.NightlyRateVnd,
            AmountVnd = striker.AmountVnd,
        }));
        return proto;
    }

    public static V1.QuarterlyReport ToProto(this QuarterlyCommuneReport report)
    {
        var proto = new V1.QuarterlyReport
        {
            CommuneKey = report.CommuneKey,
            Name = report.Name,
            Year = report.Quarter.Year,
            Quarter = report.Quarter.Number,
            OnTimeNights = report.OnTime.OnTimeNights,
            FinalNights = report.OnTime.Nights,
        };
        proto.Villages.AddRange(report.Villages.Select(village =>
        {
            var line = new V1.VillageQuarter
            {
                VillageKey = village.VillageKey,
                Name = village.Name,
                OnTimeNights = village.OnTime.OnTimeNights,
                FinalNights = village.OnTime.Nights,
                Nights = village.Nights.ToProto(),
            };
            line.Alarms.AddRange(village.AlarmsByKind.Select(pair => new V1.AlarmCount { Kind = pair.Key.ToProto(), Count = pair.Value }));
            line.Devices.AddRange(village.Devices.Select(ToProto));
            return line;
        }));
        return proto;
    }
}
