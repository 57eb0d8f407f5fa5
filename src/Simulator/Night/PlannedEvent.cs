using GongGrid.Grains.Interfaces;

namespace GongGrid.Simulator.Night;

/// <summary>A device event the simulator will send when the clock reaches <see cref="At"/>.</summary>
public sealed record PlannedEvent(DateTimeOffset At, string DeviceKey, DeviceEvent Event);
