import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies Hindsight's jar for an installer: without the SQLite native libraries of other systems
 * (the portable jar carries them all, 25 MB), and with every entry stored rather than deflated, so
 * that the installer's own compression (xz in a .deb) packs it far smaller. Runs as a source file:
 * {@code java installers/SlimJar.java IN OUT}. Keeps the libraries of the system it runs on.
 */
public class SlimJar {
  public static void main(String[] args) throws IOException {
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String keep =
        os.contains("win") ? "Windows/" : os.contains("mac") ? "Mac/" : "Linux/";
    long dropped = 0;
    try (ZipFile zip = new ZipFile(in.toFile());
        ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String name = entry.getName();
        if (name.startsWith("org/sqlite/native/")
            && name.length() > "org/sqlite/native/".length()
            && !name.startsWith("org/sqlite/native/" + keep)) {
          dropped += entry.getSize();
          continue;
        }
        byte[] data;
        try (InputStream s = zip.getInputStream(entry)) {
          data = s.readAllBytes();
        }
        ZipEntry copy = new ZipEntry(name);
        copy.setMethod(ZipEntry.STORED);
        copy.setSize(data.length);
        copy.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        copy.setCrc(crc.getValue());
        copy.setTime(entry.getTime());
        zout.putNextEntry(copy);
        zout.write(data);
        zout.closeEntry();
      }
    }
    System.out.printf("slim jar: kept the %sSQLite libraries, left out %,d bytes of others%n", keep, dropped);
  }
}
