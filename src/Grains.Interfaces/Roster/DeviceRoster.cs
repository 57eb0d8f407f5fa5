namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>A device in a village: a gong with its strike sensor, an alarm button, or a smart speaker.</summary>
/// <param name="Slug">ASCII slug unique within the village, e.g. "gong-1".</param>
/// <param name="Place">Where it hangs or stands, in words (e.g. "Nhà văn hóa thôn").</param>
[GenerateSerializer, Immutable, Alias("gonggrid.DeviceRoster")]
public sealed record DeviceRoster(string Slug, DeviceKind Kind, GeoPoint Location, string Place, DeviceCondition Condition);
