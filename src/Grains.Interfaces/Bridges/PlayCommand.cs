namespace GongGrid.Grains.Interfaces;

/// <summary>A smart speaker is told to play a programme; the edge bridge serving its village publishes it on the device's command topic.</summary>
/// <param name="CommandId">Unique per command, so the device can tell a resent command from a new one.</param>
/// <param name="AlarmKind">Which alarm to announce; <see cref="AlarmKind.Unknown"/> for an alarm of no named kind.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.PlayCommand")]
public sealed record PlayCommand(string CommandId, string DeviceKey, PlaybackProgram Program, AlarmKind AlarmKind);
