using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Simulator;

/// <summary>
/// Names the villages of one commune the way communes do: either numbered ("Thôn 1", "Thôn 2") or named with
/// the commune's word for village ("Làng Đồng Tâm", "Xóm Cây Đa"). Names and slugs are unique in the commune.
/// </summary>
internal sealed class VillageNames
{
    private const double NumberedCommuneShare = 0.3;

    private readonly Random _random;
    private readonly string _prefix;
    private readonly bool _numbered;
    private readonly string[] _stems;
    private readonly UniqueSlugs _slugs = new();
    private int _count;

    public VillageNames(Random random)
    {
        _random = random;
        _prefix = VietnameseNames.VillagePrefix(random);
        _numbered = random.NextDouble() < NumberedCommuneShare;
        _stems = (string[])VietnameseNames.VillageStems.Clone();
        _random.Shuffle(_stems);
    }

    /// <summary>The next village's display name and slug, e.g. ("Thôn Làng Mới", "lang-moi") or ("Thôn 3", "thon-3").</summary>
    public (string Name, string Slug) Next()
    {
        _count++;
        if (_numbered)
        {
            var numbered = $"{_prefix} {_count}";
            return (numbered, _slugs.Claim(Slug.FromName(numbered)));
        }

        // Past the stem list, a stem comes back with a number, as when a village is split ("Đồng Tâm 2").
        var stem = _stems[(_count - 1) % _stems.Length];
        var round = (_count - 1) / _stems.Length;
        var name = round == 0 ? $"{_prefix} {stem}" : $"{_prefix} {stem} {round + 1}";
        return (name, _slugs.Claim(Slug.FromName(round == 0 ? stem : $"{stem} {round + 1}")));
    }
}
