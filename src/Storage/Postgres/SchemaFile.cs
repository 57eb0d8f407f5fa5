using System.Globalization;
using System.Reflection;

namespace GongGrid.Storage.Postgres;

/// <summary>One versioned schema file: <c>0002_membership.sql</c> is version 2.</summary>
public sealed record SchemaFile(int Version, string Name, string Sql)
{
    internal static SchemaFile Read(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var version = int.Parse(fileName[..fileName.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        return new SchemaFile(version, Path.GetFileNameWithoutExtension(fileName), reader.ReadToEnd());
    }
}
