namespace GongGrid.Simulator.Night;

/// <summary>
/// How a simulated district behaves on a night: shares of villages late, early, incomplete or silent (the rest
/// strike on time), and the faults a real network has: skewed device clocks, duplicate deliveries, dead devices.
/// </summary>
public sealed record NightMix
{
    public double Late { get; init; } = 0.07;

    public double Early { get; init; } = 0.03;

    public double Incomplete { get; init; } = 0.04;

    public double Silent { get; init; } = 0.05;

    /// <summary>Gong sensors whose clock runs minutes fast (the grid flags them and uses the receive time).</summary>
    public double SkewedClocks { get; init; } = 0.02;

    /// <summary>Strikes delivered twice, as MQTT at-least-once delivery does after a reconnect.</summary>
    public double Duplicates { get; init; } = 0.02;

    /// <summary>Devices that send no heartbeat all night (they will show offline).</summary>
    public double DeadDevices { get; init; } = 0.02;

    /// <summary>Villages that raise an alarm tonight (3 rapid strikes, repeated, then a button press naming it).</summary>
    public int Alarms { get; init; } = 1;

    public VillageBehaviour Pick(Random random)
    {
        var roll = random.NextDouble();
        return (roll -= Late) < 0 ? VillageBehaviour.Late
            : (roll -= Early) < 0 ? VillageBehaviour.Early
            : (roll -= Incomplete) < 0 ? VillageBehaviour.Incomplete
            : roll - Silent < 0 ? VillageBehaviour.Silent
            : VillageBehaviour.OnTime;
    }
}
