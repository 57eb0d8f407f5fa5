using GongGrid.Silo.Placement;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Reminders;
using Orleans.Storage;

namespace GongGrid.Silo.Hosting;

/// <summary>The Orleans silo every GongGrid process hosts: its storage and cluster, clocks and placement.</summary>
public static class GridSilo
{
    public static ISiloBuilder ConfigureGrid(this ISiloBuilder silo, GridOptions options, TimeProvider clock) =>
        silo.AddGrid(clock, options.Placement)
            .UseGridStorage(options)
            .Configure<GrainCollectionOptions>(collection => collection.CollectionAge = options.IdleCollectionAge);

    /// <summary>What every GongGrid silo needs whatever its clustering and storage: serializer, placement, clock.</summary>
    public static ISiloBuilder AddGrid(this ISiloBuilder silo, TimeProvider clock, string placement = GridOptions.CommunePlacement)
    {
        silo.Services
            .AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>()
            .AddCommunePlacement(placement);
        if (clock != TimeProvider.System)
        {
            UseGridClock(silo, clock);
        }
        return silo;
    }

    /// <summary>
    /// Grain timers and reminders run on the grid's clock (the demo's accelerated night, a test's manual clock);
    /// messaging, membership and activation management stay on real time, or a fast clock would time calls out.
    /// A clock that jumps hours would also outrun Orleans's reminder loading window (reminders due more than
    /// 10 minutes ahead wait for a 5-minute refresh), so both are widened to cover a whole day.
    /// </summary>
    private static void UseGridClock(ISiloBuilder silo, TimeProvider clock)
    {
        silo.Services
            .AddKeyedSingleton(TimeProviderNames.Grains, clock)
            .AddKeyedSingleton(ReminderTimeProviderNames.Reminders, clock);
        silo.Configure<ReminderOptions>(reminders =>
        {
            reminders.ReminderLoadingWindow = TimeSpan.FromDays(2);
            reminders.RefreshReminderListPeriod = TimeSpan.FromMinutes(1);
        });
    }
}
