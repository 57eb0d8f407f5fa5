namespace GongGrid.Grains.Interfaces;

/// <summary>A strike as its village records it, at the time the rules use.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.HeardStrike")]
public sealed record HeardStrike(string DeviceSlug, string EventId, DateTimeOffset At, string? StrikerId);

/// <summary>An alarm button press as its village records it.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.PressedAlarm")]
public sealed record PressedAlarm(string DeviceSlug, string EventId, DateTimeOffset At, AlarmKind Kind);

/// <summary>A speaker playback as its village records it.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.HeardPlayback")]
public sealed record HeardPlayback(string DeviceSlug, string EventId, DateTimeOffset At, PlaybackProgram Program);
