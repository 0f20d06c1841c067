global using Xunit;

// FIFOs, devices, sockets, file modes and raw file names: these tests run on Linux (as CI does).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
