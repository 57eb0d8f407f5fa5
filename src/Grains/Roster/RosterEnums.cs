using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Roster;

/// <summary>How the roster file spells each enum; the reader and the writer share these.</summary>
internal static class RosterEnums
{
    public static RosterChoices<DeviceKind> DeviceKinds { get; } = new(
        "device kind", ("gong", DeviceKind.Gong), ("alarm-button", DeviceKind.AlarmButton), ("speaker", DeviceKind.Speaker));

    public static RosterChoices<DeviceCondition> DeviceConditions { get; } = new(
        "device condition", ("ok", DeviceCondition.Ok), ("damaged", DeviceCondition.Damaged), ("lost", DeviceCondition.Lost));

    public static RosterChoices<PeaceSignalSource> PeaceSignals { get; } = new(
        "peace signal source", ("gong", PeaceSignalSource.Gong), ("speaker", PeaceSignalSource.Speaker));
}
