namespace Reconciler.Service.Metrics;

/// <summary>A cumulative Prometheus histogram with fixed upper bounds. Not thread-safe: the owner locks.</summary>
internal sealed class Histogram(double[] bounds)
{
    private readonly long[] _counts = new long[bounds.Length];
    private double _sum;
    private long _count;

    public void Observe(double value)
    {
        for (var i = 0; i < bounds.Length; i++)
        {
            if (value <= bounds[i])
            {
                _counts[i]++;
            }
        }

        _sum += value;
        _count++;
    }

    public void WriteTo(PrometheusText text, string name)
    {
        for (var i = 0; i < bounds.Length; i++)
        {
            text.Sample(name + "_bucket", _counts[i], ("le", PrometheusText.Number(bounds[i])));
        }

        text.Sample(name + "_bucket", _count, ("le", "+Inf"));
        text.Sample(name + "_sum", _sum);
        text.Sample(name + "_count", _count);
    }
}
