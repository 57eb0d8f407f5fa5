namespace GongGrid.Grains.Roster;

/// <summary>Thrown when a roster that must be valid is not; the message lists every error, one per line.</summary>
public sealed class RosterValidationException : Exception
{
    public RosterValidationException(IReadOnlyList<RosterError> errors)
        : base($"The roster has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
    {
        Errors = errors;
    }

    public IReadOnlyList<RosterError> Errors { get; }
}
