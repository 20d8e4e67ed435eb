"""The features of the site, in the order the pipeline runs them.

Order matters in two places: `check` sees every feature loaded, whatever the
order; `generate` runs in this order and each feature sees what earlier ones
made. The audience pages list everything, so they come last.
"""

from __future__ import annotations

from hoagiai.audiences import AudiencesFeature
from hoagiai.citizens import CitizensFeature
from hoagiai.contacts import ContactsFeature
from hoagiai.feature import Feature
from hoagiai.glossary import GlossaryFeature
from hoagiai.kit import TrainerKitFeature
from hoagiai.learning import LearningFeature
from hoagiai.legal import LegalFeature
from hoagiai.listen import ListenFeature
from hoagiai.modules import ModulesFeature
from hoagiai.offline_app.feature import OfflineAppFeature
from hoagiai.page_words import PageWordsFeature
from hoagiai.pages import PagesFeature
from hoagiai.plan.feature import PlanFeature
from hoagiai.print_links import PrintLinksFeature
from hoagiai.quiz import QuizFeature
from hoagiai.safety.feature import ContentSafetyFeature
from hoagiai.scenarios import ScenariosFeature
from hoagiai.search.feature import SearchFeature
from hoagiai.sharing import SharingFeature
from hoagiai.stacked_tables import StackedTablesFeature
from hoagiai.stories import StoriesFeature


def all_features() -> list[Feature]:
    return [
        # File names and symlinks before anything reads them; the HTML policy on every page.
        ContentSafetyFeature(),
        PagesFeature(),
        ModulesFeature(),
        QuizFeature(),
        CitizensFeature(),
        StoriesFeature(),
        PlanFeature(),
        # Role-play scenarios; also adds "practise this" links to modules and stories.
        ScenariosFeature(),
        # Contacts page, posters, footer link; links published numbers in every page's HTML.
        ContactsFeature(),
        # Packs the printables made above (handouts, quiz papers, forms, noticeboard posters):
        # kit box on module pages, download-all zip, contest page.
        TrainerKitFeature(),
        # Checks every citation recorded above and turns [[...]] into links on every page.
        LegalFeature(),
        SharingFeature(),
        # Marks terms in finished HTML, so it runs after features that add content.
        GlossaryFeature(),
        # Gives every link its full address for print.css: after all features that add links.
        PrintLinksFeature(),
        # Column headings onto the cells of comparison tables, for phones (no new text).
        StackedTablesFeature(),
        # Search indexes each page's HTML as the features above leave it: keep it after
        # every feature that rewrites page HTML.
        SearchFeature(),
        # The learner's progress marks (continue card, studied button): not worth indexing.
        LearningFeature(),
        # The read-aloud control's words are not the page's content: after search.
        ListenFeature(),
        # The offline page, app manifests and icons; "Save for offline" on module pages
        # (after search: the box is not part of what a module says).
        OfflineAppFeature(),
        # The words of the search box and the offline notices: one cached script per language.
        PageWordsFeature(),
        AudiencesFeature(),
    ]
