namespace GongGrid.Grains.Interfaces;

/// <summary>A smart speaker played a program.</summary>
public sealed record PlaybackEvent(string EventId, DateTimeOffset DeviceTime, long Sequence, PlaybackProgram Program);
