namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>A district, commune or village was asked about that no imported roster declares.</summary>
[GenerateSerializer, Alias("gonggrid.NotInRosterException")]
public sealed class NotInRosterException(string what, string key, string hint = "")
    : KeyNotFoundException($"{what} '{key}' is not in the roster{hint}.")
{
    [Id(0)]
    public string Key { get; } = key;
}
