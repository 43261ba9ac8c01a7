using System.Reflection;
using System.Text;

namespace Reports.Schema.Tests;

/// <summary>Runs a generated reader (by reflection: its types exist only in the generated assembly) over data.</summary>
internal static class GeneratedReader
{
    public static List<dynamic> ReadAll(Assembly assembly, string readerType, string data) =>
        ReadAll(assembly, readerType, Encoding.UTF8.GetBytes(data));

    public static List<dynamic> ReadAll(Assembly assembly, string readerType, byte[] data)
    {
        var type = assembly.GetType("Samples." + readerType, throwOnError: true)!;
        IDisposable reader;
        try
        {
            reader = (IDisposable)Activator.CreateInstance(type, new MemoryStream(data), "data.file")!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }

        using (reader)
        {
            var tryRead = type.GetMethod("TryRead")!;
            var records = new List<dynamic>();
            while (true)
            {
                var arguments = new object?[] { null };
                bool read;
                try
                {
                    read = (bool)tryRead.Invoke(reader, arguments)!;
                }
                catch (TargetInvocationException exception) when (exception.InnerException is not null)
                {
                    throw exception.InnerException;
                }

                if (!read)
                {
                    return records;
                }

                records.Add(arguments[0]!);
            }
        }
    }

    /// <summary>The generated SchemaDataException the read throws, as a dynamic to read its properties.</summary>
    public static dynamic Error(Assembly assembly, string readerType, string data) => Error(assembly, readerType, Encoding.UTF8.GetBytes(data));

    public static dynamic Error(Assembly assembly, string readerType, byte[] data)
    {
        var exception = Assert.ThrowsAny<Exception>(() => ReadAll(assembly, readerType, data));
        Assert.Equal("Samples.Schema.SchemaDataException", exception.GetType().FullName);
        return exception;
    }
}
