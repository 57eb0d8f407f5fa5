using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Roster;

/// <summary>
/// What reading a roster file gave: the district when the file has no error at all, otherwise every error
/// found and no roster (nothing is half-imported).
/// </summary>
public sealed record RosterReadResult(DistrictRoster? Roster, IReadOnlyList<RosterError> Errors)
{
    public bool IsValid => Roster is not null;

    /// <summary>The roster, or a <see cref="RosterValidationException"/> listing every error.</summary>
    public DistrictRoster GetRosterOrThrow() => Roster ?? throw new RosterValidationException(Errors);
}
