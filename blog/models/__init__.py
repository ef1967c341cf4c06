"""The data model: people, pages built from rows and blocks, revisions, draft checkpoints,
comments, media, the operation log, the stored lists, the site settings and publishing
schedules."""

from blog.models.addresses import FormerAddress
from blog.models.checkpoints import CHECKPOINT_REASONS, CHECKPOINTS_KEPT_PER_PAGE, Checkpoint
from blog.models.comments import Comment
from blog.models.login_sessions import LoginSession
from blog.models.media import Media
from blog.models.operations import OPERATIONS_KEPT_PER_PAGE, Operation
from blog.models.pages import Block, Page, Row, Tag, page_tags
from blog.models.revisions import Revision, revision_tags
from blog.models.schedules import PublishingSchedule
from blog.models.settings import SiteSettings
from blog.models.stored_lists import StoredList
from blog.models.time import utcnow
from blog.models.users import ROLES, User

__all__ = [
    "ROLES",
    "Block",
    "CHECKPOINT_REASONS",
    "CHECKPOINTS_KEPT_PER_PAGE",
    "Checkpoint",
    "Comment",
    "FormerAddress",
    "LoginSession",
    "Media",
    "OPERATIONS_KEPT_PER_PAGE",
    "Operation",
    "Page",
    "PublishingSchedule",
    "Revision",
    "Row",
    "SiteSettings",
    "StoredList",
    "Tag",
    "User",
    "page_tags",
    "revision_tags",
    "utcnow",
]
