namespace GongGrid.Grains.Storage;

/// <summary>The grain storage every GongGrid grain state lives in; the silo binds it to SQLite, memory or PostgreSQL.</summary>
public static class GridStore
{
    public const string Name = "gonggrid";
}
