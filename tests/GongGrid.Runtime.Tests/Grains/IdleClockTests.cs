using GongGrid.Runtime.Activation;
using GongGrid.Testing;

namespace GongGrid.Runtime.Tests.Grains;

public sealed class IdleClockTests
{
    private static readonly TimeSpan IdleAge = TimeSpan.FromMinutes(1);

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_stamp_is_idle_only_once_the_sweep_after_it_is_the_idle_age_old()
    {
        var clock = new IdleClock(_time);
        var stamp = clock.Now;
        _time.Advance(TimeSpan.FromSeconds(50));
        Assert.True(clock.Advance(IdleAge) < stamp);

        // The use may have come just before the sweep at 0:50, so it is surely a minute old only at 1:50.
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.True(clock.Advance(IdleAge) < stamp);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(clock.Advance(IdleAge) >= stamp);
    }

    [Fact]
    public void A_stamp_taken_after_a_sweep_waits_for_the_next_one()
    {
        var clock = new IdleClock(_time);
        _time.Advance(TimeSpan.FromSeconds(10));
        clock.Advance(IdleAge);
        var stamp = clock.Now;

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(clock.Advance(IdleAge) < stamp);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(clock.Advance(IdleAge) >= stamp);
    }
}
