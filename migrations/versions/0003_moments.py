"""Room taxonomies (tags), countertransference moments, annotations and excerpt review.

Revision ID: 0003_moments
Revises: 0002_excerpts
Created: 2026-11-22 03:08:45.787600
"""

import sqlalchemy as sa
from alembic import op

revision = '0003_moments'
down_revision = '0002_excerpts'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('example', sa.Text(), nullable=False),
    sa.Column('builtin', sa.Boolean(), nullable=False),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merged_into_id'], ['tags.id'], name=op.f('fk_tags_merged_into_id_tags'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['parent_id'], ['tags.id'], name=op.f('fk_tags_parent_id_tags'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_tags_room_id_rooms'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tags')),
    sa.UniqueConstraint('room_id', 'slug', name=op.f('uq_tags_room_id'))
    )
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tags_room_id'), ['room_id'], unique=False)

    op.create_table('annotations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('excerpt_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end_line', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('visibility', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_annotations_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['excerpt_id'], ['excerpts.id'], name=op.f('fk_annotations_excerpt_id_excerpts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annotations'))
    )
    with op.batch_alter_table('annotations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_annotations_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_annotations_excerpt_id'), ['excerpt_id'], unique=False)

    op.create_table('moments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('excerpt_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end_line', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('intensity', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('almost_said', sa.Text(), nullable=False),
    sa.Column('instead', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('intensity IS NULL OR (intensity BETWEEN 1 AND 5)', name=op.f('ck_moments_intensity')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_moments_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['excerpt_id'], ['excerpts.id'], name=op.f('fk_moments_excerpt_id_excerpts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], name=op.f('fk_moments_tag_id_tags')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moments'))
    )
    with op.batch_alter_table('moments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moments_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_moments_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_moments_excerpt_id'), ['excerpt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_moments_tag_id'), ['tag_id'], unique=False)

    with op.batch_alter_table('excerpts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_status', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('review_note', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('review_note_html', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('review_requested_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_excerpts_review_status'), ['review_status'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_excerpts_reviewed_by_id_users'), 'users', ['reviewed_by_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('excerpts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_excerpts_reviewed_by_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_excerpts_review_status'))
        batch_op.drop_column('reviewed_by_id')
        batch_op.drop_column('reviewed_at')
        batch_op.drop_column('review_requested_at')
        batch_op.drop_column('review_note_html')
        batch_op.drop_column('review_note')
        batch_op.drop_column('review_status')

    with op.batch_alter_table('moments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moments_tag_id'))
        batch_op.drop_index(batch_op.f('ix_moments_excerpt_id'))
        batch_op.drop_index(batch_op.f('ix_moments_created_at'))
        batch_op.drop_index(batch_op.f('ix_moments_author_id'))

    op.drop_table('moments')
    with op.batch_alter_table('annotations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_annotations_excerpt_id'))
        batch_op.drop_index(batch_op.f('ix_annotations_author_id'))

    op.drop_table('annotations')
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tags_room_id'))

    op.drop_table('tags')
