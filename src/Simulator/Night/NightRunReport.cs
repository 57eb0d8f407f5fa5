using GongGrid.Grains.Interfaces;

namespace GongGrid.Simulator.Night;

/// <summary>What the grid answered to a simulated night: events applied, duplicates, skewed clocks, refusals.</summary>
public sealed class NightRunReport
{
    private readonly List<string> _refusals = [];

    public int Applied { get; private set; }

    public int Duplicates { get; private set; }

    public int Expired { get; private set; }

    public int ClockSkewed { get; private set; }

    public IReadOnlyList<string> Refusals => _refusals;

    internal void Count(EventReceipt receipt)
    {
        switch (receipt.Disposition)
        {
            case EventDisposition.Applied:
                Applied++;
                break;
            case EventDisposition.Duplicate:
                Duplicates++;
                break;
            default:
                Expired++;
                break;
        }
        ClockSkewed += receipt.ClockSkewed ? 1 : 0;
    }

    internal void Refused(string deviceKey, string reason) => _refusals.Add($"{deviceKey}: {reason}");
}
