using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Alarms;

/// <summary>
/// Told of every alarm change once its district has recorded it (raised, acknowledged, resolved), so a silo can
/// push alarms to dashboards that hold a stream open. Register implementations in the silo's services; it must
/// return at once, because the district grain is waiting.
/// </summary>
public interface IAlarmListener
{
    void OnAlarmChanged(Alarm alarm);
}
