namespace GongGrid.Runtime.Persistence;

/// <summary>The activation a persistent state belongs to, told when a write fails so it can drop its stale memory.</summary>
internal interface IStateOwner
{
    void OnStateWriteFailed();
}
