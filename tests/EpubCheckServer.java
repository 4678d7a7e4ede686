// Keeps one JVM with EPUBCheck loaded for a whole test session: each line on
// stdin is "<book.epub>\t<report.json>"; EPUBCheck's own command-line runner
// checks the book and writes its JSON report, then "done <exit code>" is
// printed. Starting the JVM and loading EPUBCheck's schemas costs seconds;
// a check in a warm JVM costs a fraction of one.
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

public class EpubCheckServer {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split("\t", 2);
            int rc = new EpubChecker().run(new String[] {parts[0], "--json", parts[1], "--quiet"});
            System.out.println("done " + rc);
            System.out.flush();
        }
    }
}
