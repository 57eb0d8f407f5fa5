using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;

namespace GongGrid.Grains.Tests.Roster;

public sealed class SampleRosterTests
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "samples", "ngoc-lac.roster.json");

    [Fact]
    public void Ngoc_lac_sample_reads_with_no_errors()
    {
        var result = RosterReader.ReadFile(SamplePath);

        Assert.Empty(result.Errors);
        Assert.Equal("ngoc-lac", result.Roster!.Key);
        Assert.Equal("Ngọc Lặc", result.Roster.Name);
    }

    [Fact]
    public void Ngoc_lac_sample_has_about_twenty_communes_and_250_villages_around_ngoc_lac()
    {
        var roster = RosterReader.ReadFile(SamplePath).GetRosterOrThrow();
        var villages = roster.Communes.SelectMany(c => c.Villages).ToList();

        Assert.InRange(roster.Communes.Count, 18, 24);
        Assert.InRange(villages.Count, 230, 270);
        Assert.All(villages, v => Assert.InRange(GeoDistance.Meters(v.Location, new GeoPoint(20.08, 105.37)), 0, 20_000));
    }

    [Fact]
    public void Cao_thinh_plays_the_peace_signal_on_speakers_in_all_7_villages_and_keeps_gongs()
    {
        var roster = RosterReader.ReadFile(SamplePath).GetRosterOrThrow();

        var caoThinh = Assert.Single(roster.Communes, c => c.Name == "Cao Thịnh");
        Assert.Equal("cao-thinh", caoThinh.Slug);
        Assert.Equal(7, caoThinh.Villages.Count);
        Assert.All(caoThinh.Villages, v =>
        {
            Assert.Equal(PeaceSignalSource.Speaker, v.PeaceSignal);
            Assert.Contains(v.Devices, d => d.Kind == DeviceKind.Speaker);
            Assert.Contains(v.Devices, d => d.Kind == DeviceKind.Gong);
        });
    }

    [Fact]
    public void Ngoc_lac_sample_has_clusters_out_of_earshot_of_every_gong()
    {
        var roster = RosterReader.ReadFile(SamplePath).GetRosterOrThrow();

        var gaps = roster.Communes.SelectMany(c => c.Villages).SelectMany(v => GeoDistance.ClustersBeyond(v, 1_000));

        Assert.NotEmpty(gaps);
    }

    [Fact]
    public void Ngoc_lac_sample_is_exactly_what_the_writer_gives_for_it()
    {
        var text = File.ReadAllText(SamplePath);

        Assert.Equal(text, RosterJsonWriter.Write(RosterReader.Read(text, "sample").GetRosterOrThrow()));
    }
}
