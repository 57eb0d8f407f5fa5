namespace GongGrid.Grains.Interfaces;

/// <summary>An alarm in a village and where it is in its lifecycle.</summary>
/// <param name="AlarmId">Unique in the grid: the village key and a number, e.g. "ngoc-lac/cao-thinh/lang-moi#3".</param>
/// <param name="LastSignalAt">The last strike group or button press that kept this alarm going.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.Alarm")]
public sealed record Alarm(
    string AlarmId,
    string VillageKey,
    AlarmKind Kind,
    AlarmSource Source,
    DateTimeOffset RaisedAt,
    DateTimeOffset LastSignalAt,
    AlarmStatus Status,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null,
    string? ResolutionNote = null,
    DateTimeOffset? ResolvedAt = null);
