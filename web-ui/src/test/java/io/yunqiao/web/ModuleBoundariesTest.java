package io.yunqiao.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of architecture.md: platform-core depends on no connector, and nothing depends on the web
 * application. Classes are told apart by the module (jar or classes folder) they are loaded from, not by package
 * name, so that a class put in the wrong module cannot slip through.
 */
class ModuleBoundariesTest {

    private static final Pattern CORE = module("platform-core");
    private static final Pattern WEB = module("web-ui");
    private static final Pattern CONNECTOR = module("connector-[a-z-]+|connectors/[a-z-]+");

    /** A module's classes, whether the reactor serves them as a classes folder or as a jar. */
    private static Pattern module(String name) {
        return Pattern.compile(".*/(" + name + ")(/target/(test-)?classes/|/target/[^/]*\\.jar|-[^/]*\\.jar).*");
    }

    private static JavaClasses importFrom(ImportOption option) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(option)
                .importPackages("io.yunqiao");
    }

    @Test
    void platformCoreDependsOnNoConnector() {
        JavaClasses core = importFrom(location -> location.matches(CORE));
        noClasses().should().dependOnClassesThat().resideInAPackage("io.yunqiao.connectors..")
                .because("connectors are plugins of platform-core, never the other way round")
                .check(core);
    }

    @Test
    void platformCoreHoldsNoConnectorOrWebPackage() {
        JavaClasses core = importFrom(location -> location.matches(CORE));
        noClasses().should().resideInAnyPackage("io.yunqiao.connectors..", "io.yunqiao.web..").check(core);
    }

    @Test
    void nothingOutsideTheWebApplicationDependsOnIt() {
        JavaClasses others = importFrom(location -> !location.matches(WEB));
        noClasses().should().dependOnClassesThat().resideInAPackage("io.yunqiao.web..")
                .because("web-ui is the application that assembles everything; nothing may need it")
                .check(others);
    }

    @Test
    void connectorsDependOnNoOtherConnector() {
        JavaClasses connectors = importFrom(location -> location.matches(CONNECTOR));
        SlicesRuleDefinition.slices()
                .matching("io.yunqiao.connectors.(*)..")
                .should().notDependOnEachOther()
                .check(connectors);
    }
}
