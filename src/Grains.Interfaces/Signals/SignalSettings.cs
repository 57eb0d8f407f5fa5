namespace GongGrid.Grains.Interfaces;

/// <summary>
/// The rules of the nightly peace signal and the alarm signal, set per district and overridable per commune
/// (local practice varies: 5 strikes at 21:00 in one Lào Cai commune, 9 at 22:00 in most).
/// </summary>
[GenerateSerializer, Immutable, Alias("gonggrid.SignalSettings")]
public sealed record SignalSettings
{
    /// <summary>IANA time zone of the district's local time.</summary>
    [Id(0)]
    public string TimeZone { get; init; } = "Asia/Ho_Chi_Minh";

    /// <summary>Local time of the peace signal.</summary>
    [Id(1)]
    public TimeOnly PeaceTime { get; init; } = new(22, 0);

    /// <summary>Strikes in one complete peace round.</summary>
    [Id(2)]
    public int PeaceStrikes { get; init; } = 9;

    /// <summary>A round starting this long before <see cref="PeaceTime"/> is still on time.</summary>
    [Id(3)]
    public TimeSpan OnTimeBefore { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A round starting up to this long after <see cref="PeaceTime"/> is on time; later is late.</summary>
    [Id(4)]
    public TimeSpan OnTimeAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Rounds starting earlier than this before <see cref="PeaceTime"/> are not tonight's peace round at all.</summary>
    [Id(5)]
    public TimeSpan EarlyWindow { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>The night's outcome becomes final this long after <see cref="PeaceTime"/>; later rounds do not count.</summary>
    [Id(6)]
    public TimeSpan LateWindow { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Strikes of one peace round are at most this far apart.</summary>
    [Id(7)]
    public TimeSpan RoundMaxGap { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Strikes in one alarm group.</summary>
    [Id(8)]
    public int AlarmGroupStrikes { get; init; } = 3;

    /// <summary>Strikes within an alarm group are under this far apart ("rapid succession").</summary>
    [Id(9)]
    public TimeSpan AlarmStrikeMaxGap { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive alarm groups are at most this far apart to count as one repeated alarm.</summary>
    [Id(10)]
    public TimeSpan AlarmGroupMaxGap { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Alarm groups needed before an alarm is raised (3 rapid strikes, repeated).</summary>
    [Id(11)]
    public int AlarmMinGroups { get; init; } = 2;

    /// <summary>Alarm signals this close to a live alarm's last signal continue that alarm instead of raising another.</summary>
    [Id(12)]
    public TimeSpan AlarmMergeWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A device timestamp further than this from the receive time is flagged and the receive time is used.</summary>
    [Id(13)]
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A device silent for this long is offline.</summary>
    [Id(14)]
    public TimeSpan DeviceOfflineAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A residential cluster farther than this from every working gong cannot hear an alarm.</summary>
    [Id(15)]
    public double AudibleRadiusMeters { get; init; } = 800;

    /// <summary>Applies a commune's overrides; null fields keep the district's value.</summary>
    public SignalSettings With(SignalSettingsOverride? overrides) => overrides is null ? this : this with
    {
        PeaceTime = overrides.PeaceTime ?? PeaceTime,
        PeaceStrikes = overrides.PeaceStrikes ?? PeaceStrikes,
        OnTimeBefore = overrides.OnTimeBefore ?? OnTimeBefore,
        OnTimeAfter = overrides.OnTimeAfter ?? OnTimeAfter,
        EarlyWindow = overrides.EarlyWindow ?? EarlyWindow,
        LateWindow = overrides.LateWindow ?? LateWindow,
        RoundMaxGap = overrides.RoundMaxGap ?? RoundMaxGap,
        AudibleRadiusMeters = overrides.AudibleRadiusMeters ?? AudibleRadiusMeters,
    };
}
