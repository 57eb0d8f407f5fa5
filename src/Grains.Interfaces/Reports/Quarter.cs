namespace GongGrid.Grains.Interfaces;

/// <summary>A calendar quarter (quý), the period villages report to the commune on.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.Quarter")]
public readonly record struct Quarter(int Year, int Number)
{
    [Id(1)]
    public int Number { get; } = Number is >= 1 and <= 4 ? Number : throw new ArgumentOutOfRangeException(nameof(Number), Number, "A quarter is numbered 1 to 4.");

    public DateOnly FirstDay => new(Year, (3 * Number) - 2, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>The quarter a date falls in.</summary>
    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public override string ToString() => $"{Year}-Q{Number}";
}
