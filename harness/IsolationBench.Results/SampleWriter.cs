using CsvHelper;

namespace IsolationBench.Results;

/// <summary>
/// Appends samples to samples.csv and flushes each one to disk as it is taken, so a killed run loses nothing
/// already measured. Opens an existing file in append mode (resume) without repeating the header.
/// </summary>
public sealed class SampleWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamWriter _text;
    private readonly CsvWriter _csv;
    private readonly Lock _gate = new();

    public SampleWriter(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _text = new StreamWriter(_stream) { NewLine = "\n" };
        _csv = new CsvWriter(_text, SampleCsv.Configuration);
        _csv.Context.RegisterClassMap<SampleMap>();
        if (!exists)
        {
            _csv.WriteHeader<Sample>();
            _csv.NextRecord();
            Flush();
        }
    }

    public int Written { get; private set; }

    public void Write(Sample sample)
    {
        lock (_gate)
        {
            _csv.WriteRecord(sample);
            _csv.NextRecord();
            Flush();
            Written++;
        }
    }

    /// <summary>
    /// Appends one cell's samples with a single write and flush, so a killed harness leaves either all of a
    /// cell's rows or none (a resume then retakes exactly the cells that are missing).
    /// </summary>
    public void WriteAll(IEnumerable<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        var count = 0;
        using (var csv = new CsvWriter(text, SampleCsv.Configuration))
        {
            csv.Context.RegisterClassMap<SampleMap>();
            foreach (var sample in samples)
            {
                csv.WriteRecord(sample);
                csv.NextRecord();
                count++;
            }
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        lock (_gate)
        {
            Flush();
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: true);
            Written += count;
        }
    }

    private void Flush()
    {
        _csv.Flush();
        _text.Flush();
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
        _stream.Dispose();
    }
}
