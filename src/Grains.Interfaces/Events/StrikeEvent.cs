namespace GongGrid.Grains.Interfaces;

/// <summary>A gong sensor heard one strike.</summary>
/// <param name="EventId">Unique per device; a repeated id is applied once.</param>
/// <param name="DeviceTime">The device's clock at the strike.</param>
/// <param name="Sequence">Per-device counter, increasing.</param>
/// <param name="StrikerId">The striker, when the device knows who struck (e.g. from a tag); else the rota decides.</param>
public sealed record StrikeEvent(string EventId, DateTimeOffset DeviceTime, long Sequence, string? StrikerId = null);
